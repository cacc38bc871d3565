package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange, in the order the service applies them: route, authenticate, injected fault, quota,
 * operation. Every exchange is journaled before its answer is written, so a client that has its answer
 * also finds it in the journal.
 */
final class SimulatorHttpHandler implements HttpHandler {
    private final InstantSource clock;
    private final SigV4Verifier verifier;
    private final FaultInjector faults;
    private final Quotas quotas;
    private final LambdaService service;
    private final InMemoryJournal journal;
    private final String region;
    private final String accountId;
    private final SigV4Verifier cloudWatchVerifier;
    private final CloudWatchService cloudWatch;
    private final SigV4Verifier stsVerifier;
    private final StsService sts;

    SimulatorHttpHandler(
            InstantSource clock,
            SigV4Verifier verifier,
            FaultInjector faults,
            Quotas quotas,
            LambdaService service,
            InMemoryJournal journal,
            String region,
            String accountId,
            SigV4Verifier cloudWatchVerifier,
            CloudWatchService cloudWatch,
            SigV4Verifier stsVerifier,
            StsService sts) {
        this.clock = clock;
        this.verifier = verifier;
        this.faults = faults;
        this.quotas = quotas;
        this.service = service;
        this.journal = journal;
        this.region = region;
        this.accountId = accountId;
        this.cloudWatchVerifier = cloudWatchVerifier;
        this.cloudWatch = cloudWatch;
        this.stsVerifier = stsVerifier;
        this.sts = sts;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String keyId = SigV4Verifier.claimedAccessKeyId(exchange.getRequestHeaders()::get);
        if (StsService.detect(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders()::get)) {
            try {
                handleSts(exchange, requestId, rawPath, rawQuery, keyId);
            } finally {
                exchange.close();
            }
            return;
        }
        CloudWatchProtocol.Call cloudWatchCall =
                CloudWatchProtocol.detect(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders()::get);
        if (cloudWatchCall != null) {
            try {
                handleCloudWatch(exchange, cloudWatchCall, requestId, rawPath, rawQuery, keyId);
            } finally {
                exchange.close();
            }
            return;
        }
        Route.Match route = Route.match(exchange.getRequestMethod(), rawPath);
        String functionName = route.function() == null ? null : FunctionRef.nameOf(route.function(), region, accountId);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            verifier.verify(
                    exchange.getRequestMethod(),
                    rawPath,
                    rawQuery,
                    exchange.getRequestHeaders()::get,
                    body,
                    clock.instant());
            Fault fault = nextFault(route.operation(), functionName, requestId, keyId);
            if (fault instanceof Fault.ConnectionReset) {
                return; // closed below without an answer
            }
            if (fault instanceof Fault.ConcurrentUpdate && functionName != null) {
                service.concurrentUpdate(functionName, clock.instant());
            }
            Instant now = clock.instant();
            quotas.check(route.operation(), now);
            RequestBody request = RequestBody.parse(body);
            if (route.operation().equals("CreateFunction")) {
                String raw = request.text("FunctionName");
                functionName = raw == null ? null : FunctionRef.nameOf(raw, region, accountId);
            }
            ApiResponse response = service.handle(route, request, query(rawQuery), now);
            journal.record(
                    new JournalEntry(route.operation(), functionName, response.status(), now, requestId, null, keyId));
            send(exchange, response.status(), response.body(), requestId, Map.of());
        } catch (ApiException e) {
            answerError(exchange, route, functionName, requestId, keyId, e);
        } catch (IOException e) {
            // The client went away mid-request; nobody is left to answer.
        } catch (RuntimeException e) {
            ApiException internal = ApiException.service(500, "ServiceException", "Simulator error: " + e);
            answerError(exchange, route, functionName, requestId, keyId, internal);
        } finally {
            exchange.close();
        }
    }

    /** A CloudWatch call: the same order as Lambda's (authenticate, fault, quota, operation), in its own protocol. */
    private void handleCloudWatch(
            HttpExchange exchange,
            CloudWatchProtocol.Call call,
            String requestId,
            String rawPath,
            @Nullable String rawQuery,
            @Nullable String keyId) {
        String operation = call.operation();
        CloudWatchProtocol protocol = call.protocol();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            cloudWatchVerifier.verify(
                    exchange.getRequestMethod(),
                    rawPath,
                    rawQuery,
                    exchange.getRequestHeaders()::get,
                    body,
                    clock.instant());
            if (nextFault(operation, null, requestId, keyId) instanceof Fault.ConnectionReset) {
                return;
            }
            Instant now = clock.instant();
            quotas.check(operation, now);
            if (operation.equals(Route.UNKNOWN)) {
                throw ApiException.unknownOperation();
            }
            ObjectNode answer = cloudWatch.describeAlarms(protocol.parse(body), now);
            journal.record(new JournalEntry(operation, null, 200, now, requestId, null, keyId));
            sendBytes(exchange, 200, protocol.encode(answer), requestId, protocol.headers());
        } catch (ApiException e) {
            // CloudWatch's codes for what Lambda's checks call otherwise; 429 lets every SDK see a throttle
            ApiException answer = switch (e.type) {
                case "TooManyRequestsException" -> ApiException.user(429, "Throttling", "Rate exceeded");
                case "UnrecognizedClientException" -> ApiException.user(403, "InvalidClientTokenId", e.getMessage());
                case "InvalidSignatureException" -> ApiException.user(403, "SignatureDoesNotMatch", e.getMessage());
                case "ExpiredTokenException" -> ApiException.user(403, "ExpiredToken", e.getMessage());
                default -> e;
            };
            journal.record(
                    new JournalEntry(operation, null, answer.status, clock.instant(), requestId, answer.type, keyId));
            Map<String, String> headers = new LinkedHashMap<>(protocol.headers());
            headers.put("x-amzn-query-error", CloudWatchProtocol.queryError(answer));
            try {
                sendBytes(exchange, answer.status, protocol.encode(protocol.errorBody(answer)), requestId, headers);
            } catch (IOException ignored) {
                // The client went away; the journal has the answer it would have had.
            }
        } catch (IOException e) {
            // The client went away mid-request.
        } catch (RuntimeException e) {
            ApiException internal = ApiException.service(500, "InternalServiceFault", "Simulator error: " + e);
            journal.record(new JournalEntry(operation, null, 500, clock.instant(), requestId, internal.type, keyId));
            try {
                sendBytes(exchange, 500, protocol.encode(protocol.errorBody(internal)), requestId, protocol.headers());
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    /**
     * An STS call (AWS Query protocol): authenticate, fault, operation; STS has no quota here. Errors carry STS's
     * codes.
     */
    private void handleSts(
            HttpExchange exchange,
            String requestId,
            String rawPath,
            @Nullable String rawQuery,
            @Nullable String keyId) {
        String operation = Route.UNKNOWN;
        Map<String, String> xml = Map.of("Content-Type", "text/xml");
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> form = StsService.form(body);
            operation = StsService.operation(form);
            if (operation.equals(Route.UNKNOWN)) {
                // e.g. CloudWatch's awsQuery protocol, which is not served: say so rather than blame the signature
                throw StsService.invalidAction(form);
            }
            SimulatorKeys.Key caller = stsVerifier.verify(
                    exchange.getRequestMethod(),
                    rawPath,
                    rawQuery,
                    exchange.getRequestHeaders()::get,
                    body,
                    clock.instant());
            if (nextFault(operation, null, requestId, keyId) instanceof Fault.ConnectionReset) {
                return;
            }
            Instant now = clock.instant();
            String answer = sts.handle(operation, form, caller, now, requestId);
            journal.record(new JournalEntry(operation, null, 200, now, requestId, null, keyId));
            sendBytes(exchange, 200, answer.getBytes(StandardCharsets.UTF_8), requestId, xml);
        } catch (ApiException e) {
            ApiException answer = switch (e.type) {
                case "TooManyRequestsException" -> ApiException.user(400, "Throttling", "Rate exceeded");
                case "UnrecognizedClientException" -> ApiException.user(403, "InvalidClientTokenId", e.getMessage());
                case "InvalidSignatureException" -> ApiException.user(403, "SignatureDoesNotMatch", e.getMessage());
                case "ExpiredTokenException" -> ApiException.user(403, "ExpiredToken", e.getMessage());
                default -> e;
            };
            journal.record(
                    new JournalEntry(operation, null, answer.status, clock.instant(), requestId, answer.type, keyId));
            try {
                byte[] bytes = StsService.error(answer, requestId).getBytes(StandardCharsets.UTF_8);
                sendBytes(exchange, answer.status, bytes, requestId, xml);
            } catch (IOException ignored) {
                // The client went away; the journal has the answer it would have had.
            }
        } catch (IOException e) {
            // The client went away mid-request.
        } catch (RuntimeException e) {
            ApiException internal = ApiException.service(500, "InternalFailure", "Simulator error: " + e);
            journal.record(new JournalEntry(operation, null, 500, clock.instant(), requestId, internal.type, keyId));
            try {
                sendBytes(
                        exchange,
                        500,
                        StsService.error(internal, requestId).getBytes(StandardCharsets.UTF_8),
                        requestId,
                        xml);
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    private static void sendBytes(
            HttpExchange exchange, int status, byte[] bytes, String requestId, Map<String, String> headers)
            throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("x-amzn-RequestId", requestId);
        headers.forEach(h::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The next fault injected for {@code operation}, carried out: a delay slept, an error thrown. A connection reset is
     * journaled and returned, for the caller to close the exchange without an answer.
     */
    private @Nullable Fault nextFault(
            String operation, @Nullable String functionName, String requestId, @Nullable String keyId) {
        Fault fault = faults.next(operation);
        if (fault instanceof Fault.ConnectionReset) {
            journal.record(
                    new JournalEntry(operation, functionName, 0, clock.instant(), requestId, "ConnectionReset", keyId));
            return fault;
        }
        applyFault(fault);
        return fault;
    }

    private static void applyFault(@Nullable Fault fault) {
        if (fault instanceof Fault.Delay d) {
            try {
                Thread.sleep(d.duration().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (fault instanceof Fault.Throttle) {
            throw ApiException.tooManyRequests();
        } else if (fault instanceof Fault.Status s) {
            throw s.httpStatus() >= 500
                    ? ApiException.service(s.httpStatus(), s.errorType(), "Injected fault: " + s.errorType())
                    : ApiException.user(s.httpStatus(), s.errorType(), "Injected fault: " + s.errorType());
        }
    }

    private void answerError(
            HttpExchange exchange,
            Route.Match route,
            @Nullable String functionName,
            String requestId,
            @Nullable String keyId,
            ApiException e) {
        journal.record(
                new JournalEntry(route.operation(), functionName, e.status, clock.instant(), requestId, e.type, keyId));
        Map<String, String> headers = new LinkedHashMap<>(e.headers);
        headers.put("X-Amzn-ErrorType", e.type);
        try {
            send(exchange, e.status, ApiJson.error(e), requestId, headers);
        } catch (IOException ignored) {
            // The client went away; the journal has the answer it would have had.
        }
    }

    private static void send(
            HttpExchange exchange,
            int status,
            @Nullable ObjectNode body,
            String requestId,
            Map<String, String> extraHeaders)
            throws IOException {
        if (body == null) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes;
        try {
            bytes = RequestBody.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("x-amzn-RequestId", requestId);
        extraHeaders.forEach(headers::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = Route.decode(eq < 0 ? p : p.substring(0, eq));
            out.putIfAbsent(k, eq < 0 ? "" : Route.decode(p.substring(eq + 1)));
        }
        return out;
    }
}
