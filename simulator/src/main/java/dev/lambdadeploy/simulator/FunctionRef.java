package dev.lambdadeploy.simulator;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A FunctionName parameter: a name, a full ARN or a partial ARN, each with an optional :qualifier. */
record FunctionRef(String name, @Nullable String qualifier) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]{1,128}");
    private static final String PATTERN_TEXT =
            "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    static FunctionRef parse(String raw, String region, String accountId) {
        String[] p = raw.split(":", -1);
        String name;
        String qualifier = null;
        if (raw.startsWith("arn:")) {
            if (p.length < 7 || p.length > 8 || !p[2].equals("lambda") || !p[5].equals("function")) {
                throw invalid(raw);
            }
            if (!p[3].equals(region) || !p[4].equals(accountId)) {
                throw ApiException.notFound(raw);
            }
            name = p[6];
            qualifier = p.length == 8 ? p[7] : null;
        } else if (p.length >= 3 && p[1].equals("function")) {
            if (p.length > 4) {
                throw invalid(raw);
            }
            if (!p[0].equals(accountId)) {
                throw ApiException.notFound(raw);
            }
            name = p[2];
            qualifier = p.length == 4 ? p[3] : null;
        } else if (p.length <= 2) {
            name = p[0];
            qualifier = p.length == 2 ? p[1] : null;
        } else {
            throw invalid(raw);
        }
        if (!NAME.matcher(name).matches()
                || (qualifier != null && !QUALIFIER.matcher(qualifier).matches())) {
            throw invalid(raw);
        }
        return new FunctionRef(name, qualifier);
    }

    /** For the journal: the bare name if it parses, else the raw text. */
    static String nameOf(String raw, String region, String accountId) {
        try {
            return parse(raw, region, accountId).name();
        } catch (ApiException e) {
            return raw;
        }
    }

    private static ApiException invalid(String raw) {
        return ApiException.validation(
                "functionName", raw, "Member must satisfy regular expression pattern: " + PATTERN_TEXT);
    }
}
