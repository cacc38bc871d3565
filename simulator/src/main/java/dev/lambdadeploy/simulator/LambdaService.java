package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The Lambda operations: reads a request, acts on the registry, renders the answer. */
final class LambdaService {
    private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9_-]+)");
    private static final int MAX_DESCRIPTION = 256;
    private static final int MAX_LAYERS = 5;
    private static final Pattern FUNCTION_VERSION = Pattern.compile("\\$LATEST|[0-9]{1,1024}");
    private static final Pattern LAYER_VERSION_ARN =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");

    private final FunctionRegistry registry;
    private final Duration createDuration;

    LambdaService(FunctionRegistry registry, Duration createDuration) {
        this.registry = registry;
        this.createDuration = createDuration;
    }

    /** Answers the call with the handler its route names in {@link Route#TABLE}. */
    ApiResponse handle(Route.Match route, RequestBody body, Map<String, String> query, Instant now) {
        return route.handler().answer(this, new ApiRequest(route, body, query, now));
    }

    ApiResponse createFunction(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        String rawName = require(body.text("FunctionName"), "functionName");
        String name = unqualified(rawName).name();
        String role = require(body.text("Role"), "role");
        CodeArtifact code = parseCode(require(body.object("Code"), "code"));
        String packageType = body.text("PackageType");
        if (packageType != null && !packageType.equals(code.packageType())) {
            throw ApiException.invalidParameter(
                    packageType.equals("Image")
                            ? "Please provide ImageUri when creating a function with packageType Image."
                            : "Please don't provide ImageUri when creating a function with packageType Zip.");
        }
        String runtime = body.text("Runtime");
        String handler = body.text("Handler");
        if (code.packageType().equals("Zip") && (runtime == null || handler == null)) {
            throw ApiException.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        FunctionSpec spec = new FunctionSpec(
                code,
                runtime,
                role,
                handler,
                description(body.text("Description")),
                timeout(orDefault(body.integer("Timeout"), 3)),
                memorySize(orDefault(body.integer("MemorySize"), 128)),
                environment(body),
                architectures(body, List.of("x86_64")),
                orDefault(layers(body), List.of()),
                orDefault(ephemeralStorage(body), FunctionSpec.DEFAULT_EPHEMERAL_STORAGE));
        Map<String, String> tags = body.stringMap("Tags");
        FunctionModel model = registry.create(name, tags == null ? Map.of() : tags, spec, createDuration, now);
        ConfigSnapshot created = body.bool("Publish") ? model.publishWithCreation(now) : model.latest(now);
        return new ApiResponse(201, ApiJson.configuration(created));
    }

    ApiResponse getFunction(ApiRequest request) {
        Map<String, String> query = request.query();
        Instant now = request.now();
        FunctionRef ref = ref(request);
        FunctionModel model = registry.get(ref.name());
        String qualifier = qualifier(ref, query);
        ConfigSnapshot s = scriptedAnswerOr(model.resolve(qualifier, now), ref.name(), qualifier);
        return new ApiResponse(200, ApiJson.getFunction(s, model.tags(), registry.region(), registry.accountId()));
    }

    ApiResponse getFunctionConfiguration(ApiRequest request) {
        Map<String, String> query = request.query();
        Instant now = request.now();
        FunctionRef ref = ref(request);
        FunctionModel model = registry.get(ref.name());
        String qualifier = qualifier(ref, query);
        ConfigSnapshot s = scriptedAnswerOr(model.resolve(qualifier, now), ref.name(), qualifier);
        return new ApiResponse(200, ApiJson.configuration(s));
    }

    ApiResponse updateFunctionCode(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        CodeArtifact code = parseCode(body);
        List<String> archs = architectures(body, null);
        String revision = body.text("RevisionId");
        ConfigSnapshot result = body.bool("DryRun")
                ? model.dryRunCode(code, archs, revision, now)
                : model.updateCode(code, archs, body.bool("Publish"), revision, now);
        return new ApiResponse(200, ApiJson.configuration(result));
    }

    /**
     * UpdateFunctionConfiguration: the members given replace the current ones (Environment as a whole set, Layers as a
     * whole list); Architectures is not a member of this call (UpdateFunctionCode's), so it is ignored as AWS ignores
     * unknown members.
     */
    ApiResponse updateFunctionConfiguration(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        String role = body.text("Role");
        String handler = body.text("Handler");
        String runtime = body.text("Runtime");
        String description = body.has("Description") ? description(body.text("Description")) : null;
        Integer timeout = body.integer("Timeout");
        Integer memory = body.integer("MemorySize");
        if (timeout != null) {
            timeout(timeout);
        }
        if (memory != null) {
            memorySize(memory);
        }
        Map<String, String> env = environment(body);
        boolean envGiven = body.has("Environment");
        List<String> layers = layers(body);
        Integer storage = ephemeralStorage(body);
        ConfigSnapshot result = model.updateConfiguration(
                s -> new FunctionSpec(
                        s.code(),
                        runtime == null ? s.runtime() : runtime,
                        role == null ? s.role() : role,
                        handler == null ? s.handler() : handler,
                        description == null ? s.description() : description,
                        timeout == null ? s.timeout() : timeout,
                        memory == null ? s.memorySize() : memory,
                        envGiven ? env : s.environment(),
                        s.architectures(),
                        layers == null ? s.layers() : layers,
                        storage == null ? s.ephemeralStorage() : storage),
                body.text("RevisionId"),
                now);
        return new ApiResponse(200, ApiJson.configuration(result));
    }

    ApiResponse publishVersion(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        FunctionModel.PublishResult r = model.publish(
                body.text("CodeSha256"), body.text("RevisionId"), description(body.text("Description")), now);
        // A repeated publish of unchanged code answers with the existing version.
        return new ApiResponse(r.created() ? 201 : 200, ApiJson.configuration(r.version()));
    }

    /** Another actor's code update, as {@link Fault.ConcurrentUpdate} arms it; nothing when no such function. */
    void concurrentUpdate(String function, Instant now) {
        FunctionModel model = registry.find(function);
        if (model != null) {
            byte[] zip = ("changed by someone else at " + now + " " + java.util.UUID.randomUUID())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            model.updateCodeByAnotherActor(CodeArtifact.zip(zip), now);
        }
    }

    /**
     * ListFunctions: $LATEST of every function by name (FunctionVersion=ALL adds the published versions), at most
     * MaxItems (1 to 10000, default 50) from Marker, NextMarker while more remain.
     */
    ApiResponse listFunctions(ApiRequest request) {
        Map<String, String> query = request.query();
        Instant now = request.now();
        String version = query.get("FunctionVersion");
        if (version != null && !version.equals("ALL")) {
            throw ApiException.validation("functionVersion", version, "Member must satisfy enum value set: [ALL]");
        }
        List<ConfigSnapshot> all = new java.util.ArrayList<>();
        for (FunctionModel model : registry.all()) {
            all.add(model.latest(now));
            if (version != null) {
                model.listVersions(now).stream()
                        .filter(s -> !"$LATEST".equals(s.version()))
                        .forEach(all::add);
            }
        }
        return page(all, "Functions", query);
    }

    ApiResponse listVersionsByFunction(ApiRequest request) {
        Map<String, String> query = request.query();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        return page(model.listVersions(now), "Versions", query);
    }

    /** One page of {@code all} under {@code key}, as Lambda pages lists: Marker, MaxItems, NextMarker. */
    private static ApiResponse page(List<ConfigSnapshot> all, String key, Map<String, String> query) {
        return pageOf(all.stream().map(ApiJson::configuration).toList(), key, query);
    }

    /** One page of rendered items under {@code key}. */
    private static ApiResponse pageOf(List<ObjectNode> all, String key, Map<String, String> query) {
        int from = 0;
        String marker = query.get("Marker");
        if (marker != null) {
            try {
                from = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("Invalid marker: " + marker);
            }
        }
        int max = 50;
        String maxItems = query.get("MaxItems");
        if (maxItems != null) {
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw ApiException.validation("maxItems", maxItems, "Member must be a number");
            }
            if (max < 1 || max > 10000) {
                throw ApiException.validation("maxItems", max, "Member must have value between 1 and 10000");
            }
        }
        from = Math.max(0, Math.min(from, all.size()));
        int to = Math.min(all.size(), from + max);
        ObjectNode o = ApiJson.object();
        var list = o.putArray(key);
        all.subList(from, to).forEach(list::add);
        if (to < all.size()) {
            o.put("NextMarker", Integer.toString(to));
        }
        return new ApiResponse(200, o);
    }

    ApiResponse createAlias(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        String name = aliasName(require(body.text("Name"), "name"));
        String version = require(body.text("FunctionVersion"), "functionVersion");
        Map<String, Double> weights = weights(body);
        AliasModel a = model.createAlias(
                name, version, description(body.text("Description")), weights == null ? Map.of() : weights, now);
        return new ApiResponse(201, ApiJson.alias(a, model.aliasArn(name)));
    }

    ApiResponse getAlias(ApiRequest request) {
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        String name = aliasName(request.alias());
        return new ApiResponse(200, ApiJson.alias(model.alias(name, now), model.aliasArn(name)));
    }

    ApiResponse updateAlias(ApiRequest request) {
        RequestBody body = request.body();
        Instant now = request.now();
        FunctionModel model = registry.get(unqualified(request).name());
        String name = aliasName(request.alias());
        String description = body.has("Description") ? description(body.text("Description")) : null;
        AliasModel a = model.updateAlias(
                name, body.text("FunctionVersion"), description, weights(body), body.text("RevisionId"), now);
        return new ApiResponse(200, ApiJson.alias(a, model.aliasArn(name)));
    }

    /** ListAliases: every alias by name, or those whose FunctionVersion is the one asked for; paged. */
    ApiResponse listAliases(ApiRequest request) {
        Map<String, String> query = request.query();
        FunctionModel model = registry.get(unqualified(request).name());
        String version = query.get("FunctionVersion");
        if (version != null && !FUNCTION_VERSION.matcher(version).matches()) {
            throw ApiException.validation(
                    "functionVersion", version, "Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
        }
        List<ObjectNode> aliases = model.aliases(request.now()).stream()
                .filter(a -> version == null || a.functionVersion().equals(version))
                .map(a -> ApiJson.alias(a, model.aliasArn(a.name())))
                .toList();
        return pageOf(aliases, "Aliases", query);
    }

    /** DeleteAlias: 204 with no body; 404 for an unknown alias. */
    ApiResponse deleteAlias(ApiRequest request) {
        FunctionModel model = registry.get(unqualified(request).name());
        model.deleteAlias(aliasName(request.alias()), request.now());
        return ApiResponse.noContent();
    }

    /**
     * DeleteFunction: without a qualifier the function with its versions and aliases; with a version number (query
     * Qualifier or a qualified name) only that version, refused while an alias routes to it. $LATEST and alias names
     * are not versions one can delete.
     */
    ApiResponse deleteFunction(ApiRequest request) {
        FunctionRef ref = ref(request);
        String qualifier = qualifier(ref, request.query());
        if (qualifier == null) {
            registry.delete(ref.name());
            return ApiResponse.noContent();
        }
        FunctionModel model = registry.get(ref.name());
        if (qualifier.equals("$LATEST")) {
            throw ApiException.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        model.deleteVersion(qualifier, request.now());
        return ApiResponse.noContent();
    }

    /** A read of $LATEST answers the next scripted state, if {@link SimulatorControl#scriptStates} left one. */
    private ConfigSnapshot scriptedAnswerOr(ConfigSnapshot modelled, String name, @Nullable String qualifier) {
        if (qualifier != null && !qualifier.equals("$LATEST")) {
            return modelled;
        }
        StateSnapshot next = registry.arranged(name).nextScriptedAnswer();
        return next == null ? modelled : modelled.withStatus(SimulatedStatus.ofScriptedAnswer(next));
    }

    private FunctionRef ref(ApiRequest request) {
        return FunctionRef.parse(require(request.function(), "functionName"), registry.region(), registry.accountId());
    }

    private FunctionRef unqualified(ApiRequest request) {
        return unqualified(require(request.function(), "functionName"));
    }

    private FunctionRef unqualified(String raw) {
        FunctionRef ref = FunctionRef.parse(raw, registry.region(), registry.accountId());
        if (ref.qualifier() != null && !ref.qualifier().equals("$LATEST")) {
            throw ApiException.invalidParameter(
                    "Unsupported qualifier " + ref.qualifier() + " for this operation: " + raw);
        }
        return ref;
    }

    private static @Nullable String qualifier(FunctionRef ref, Map<String, String> query) {
        String fromQuery = query.get("Qualifier");
        if (fromQuery != null && ref.qualifier() != null && !fromQuery.equals(ref.qualifier())) {
            throw ApiException.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return fromQuery != null ? fromQuery : ref.qualifier();
    }

    /** ZipFile, S3Bucket+S3Key(+S3ObjectVersion) or ImageUri: exactly one. */
    private static CodeArtifact parseCode(RequestBody b) {
        byte[] zip = b.base64("ZipFile");
        String bucket = b.text("S3Bucket");
        String key = b.text("S3Key");
        String objectVersion = b.text("S3ObjectVersion");
        String image = b.text("ImageUri");
        boolean s3 = bucket != null || key != null || objectVersion != null;
        int sources = (zip != null ? 1 : 0) + (s3 ? 1 : 0) + (image != null ? 1 : 0);
        if (sources == 0) {
            throw ApiException.invalidParameter(
                    "Please provide a source for function code: ZipFile, S3Bucket and S3Key, or ImageUri.");
        }
        if (sources > 1) {
            throw ApiException.invalidParameter(
                    "Please provide only one source for function code: ZipFile, S3Bucket and S3Key, or ImageUri.");
        }
        if (zip != null) {
            return CodeArtifact.zip(zip);
        }
        if (image != null) {
            return CodeArtifact.image(image);
        }
        if (bucket == null || key == null) {
            throw ApiException.invalidParameter("Please provide both S3Bucket and S3Key to locate the function code.");
        }
        return CodeArtifact.s3(bucket, key, objectVersion);
    }

    private static @Nullable List<String> architectures(RequestBody body, @Nullable List<String> fallback) {
        List<String> archs = body.stringList("Architectures");
        if (archs == null) {
            return fallback;
        }
        if (archs.size() != 1 || !(archs.get(0).equals("x86_64") || archs.get(0).equals("arm64"))) {
            throw ApiException.validation(
                    "architectures", archs, "Member must have length 1 and contain one of [x86_64, arm64]");
        }
        return List.copyOf(archs);
    }

    private static @Nullable Map<String, String> environment(RequestBody body) {
        RequestBody env = body.object("Environment");
        if (env == null) {
            return null;
        }
        Map<String, String> vars = env.stringMap("Variables");
        return vars == null ? Map.of() : Map.copyOf(vars);
    }

    /** Layer version ARNs, at most 5, each as the API model's pattern has it. */
    private static @Nullable List<String> layers(RequestBody body) {
        List<String> layers = body.stringList("Layers");
        if (layers == null) {
            return null;
        }
        for (String arn : layers) {
            if (!LAYER_VERSION_ARN.matcher(arn).matches()) {
                throw ApiException.validation(
                        "layers", layers, "Member must satisfy regular expression pattern: " + LAYER_VERSION_ARN);
            }
        }
        if (layers.size() > MAX_LAYERS) {
            throw ApiException.invalidParameter("Cannot reference more than " + MAX_LAYERS + " layers.");
        }
        return List.copyOf(layers);
    }

    /** EphemeralStorage.Size, 512 to 10240 MB. */
    private static @Nullable Integer ephemeralStorage(RequestBody body) {
        RequestBody storage = body.object("EphemeralStorage");
        if (storage == null) {
            return null;
        }
        Integer size = require(storage.integer("Size"), "ephemeralStorage.size");
        if (size < 512 || size > 10240) {
            throw ApiException.validation(
                    "ephemeralStorage.size", size, "Member must have value between 512 and 10240");
        }
        return size;
    }

    private static @Nullable Map<String, Double> weights(RequestBody body) {
        RequestBody routing = body.object("RoutingConfig");
        if (routing == null) {
            return null;
        }
        Map<String, Double> w = routing.doubleMap("AdditionalVersionWeights");
        return w == null ? Map.of() : w;
    }

    private static String description(@Nullable String d) {
        if (d == null) {
            return "";
        }
        // counted in code points, as the API model's length constraint on strings counts (an emoji is one)
        if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
            throw ApiException.validation(
                    "description", d, "Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
        return d;
    }

    private static int timeout(int t) {
        if (t < 1 || t > 900) {
            throw ApiException.validation("timeout", t, "Member must have value between 1 and 900");
        }
        return t;
    }

    private static int memorySize(int m) {
        if (m < 128 || m > 10240) {
            throw ApiException.validation("memorySize", m, "Member must have value between 128 and 10240");
        }
        return m;
    }

    private static String aliasName(@Nullable String name) {
        if (name == null || name.length() > 128 || !ALIAS_NAME.matcher(name).matches()) {
            throw ApiException.validation(
                    "name", name, "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
        return name;
    }

    private static <T> T require(@Nullable T value, String member) {
        if (value == null) {
            throw ApiException.validation(member, "null", "Member must not be null");
        }
        return value;
    }

    private static <T> T orDefault(@Nullable T v, T fallback) {
        return v == null ? fallback : v;
    }
}
