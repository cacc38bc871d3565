package dev.lambdadeploy.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Which operation a method and path name, with the decoded FunctionName and alias path parameters. */
record Route(String operation, @Nullable String function, @Nullable String alias) {
  static final String UNKNOWN = "Unknown";
  private static final String PREFIX = "/2015-03-31/functions";

  static Route of(String method, String rawPath) {
    if (!rawPath.startsWith(PREFIX)) {
      return unknown();
    }
    String rest = rawPath.substring(PREFIX.length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.isEmpty()) {
      return switch (method) {
        case "POST" -> new Route("CreateFunction", null, null);
        case "GET" -> new Route("ListFunctions", null, null);
        default -> unknown();
      };
    }
    if (!rest.startsWith("/")) {
      return unknown();
    }
    String[] seg = rest.substring(1).split("/", -1);
    String fn = decode(seg[0]);
    String op = switch (seg.length) {
      case 1 -> method.equals("GET") ? "GetFunction" : null;
      case 2 -> switch (seg[1] + " " + method) {
        case "configuration GET" -> "GetFunctionConfiguration";
        case "configuration PUT" -> "UpdateFunctionConfiguration";
        case "code PUT" -> "UpdateFunctionCode";
        case "versions GET" -> "ListVersionsByFunction";
        case "versions POST" -> "PublishVersion";
        case "aliases POST" -> "CreateAlias";
        default -> null;
      };
      case 3 -> !seg[1].equals("aliases") ? null : switch (method) {
        case "GET" -> "GetAlias";
        case "PUT" -> "UpdateAlias";
        default -> null;
      };
      default -> null;
    };
    if (op == null) {
      return new Route(UNKNOWN, fn, null);
    }
    return new Route(op, fn, seg.length == 3 ? decode(seg[2]) : null);
  }

  private static Route unknown() {
    return new Route(UNKNOWN, null, null);
  }

  /** Percent-decoding only: in a path '+' is a plus sign. */
  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
