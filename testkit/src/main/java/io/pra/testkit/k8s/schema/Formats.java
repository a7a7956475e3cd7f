package io.pra.testkit.k8s.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats the API server checks in CRD schemas (apiextensions-apiserver {@code validation/formats.go}, as
 * of Kubernetes 1.34: the go-openapi set plus {@code k8s-short-name} and {@code k8s-long-name}), after kube-openapi's
 * {@code strfmt}. Any other format, and {@code int32}/{@code int64}/{@code float}/{@code double} on numbers, is
 * ignored, as the API server strips them. Email and URI are close approximations of Go's {@code net/mail} and
 * {@code url.ParseRequestURI}.
 */
final class Formats {

    private static final Pattern HOSTNAME = Pattern.compile("^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|"
            + "([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern GO_DURATION = Pattern.compile("^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$");
    private static final Pattern LOOSE_DURATION = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)");
    private static final Pattern BASE64 = Pattern.compile(
            "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern MAC = Pattern.compile("^([0-9A-Fa-f]{2}([:-]))(?:[0-9A-Fa-f]{2}\\2){4}[0-9A-Fa-f]{2}"
            + "((\\2[0-9A-Fa-f]{2}){2}|(\\2[0-9A-Fa-f]{2}){14})?$|^[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4}){2}((\\.[0-9A-Fa-f]{4})|(\\.[0-9A-Fa-f]{4}){7})?$");
    private static final String RGB_PART = "\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*";

    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("bsonobjectid", s -> s.matches("^[0-9a-fA-F]{24}$")),
            Map.entry("uri", Formats::isRequestUri),
            Map.entry("email", s -> s.matches("^([^<>]*<)?[^@\\s<>]+@[^@\\s<>]+(>)?$")),
            Map.entry("hostname", s -> HOSTNAME.matcher(s).matches() && s.length() <= 255
                    && Arrays.stream(s.split("\\.")).allMatch(p -> p.length() <= 63)),
            Map.entry("ipv4", s -> isIpv4(s) || (s.contains(".") && isIpv6(s))),
            Map.entry("ipv6", s -> s.contains(":") && (isIpv6(s) || isIpv4(s))),
            Map.entry("cidr", Formats::isCidr),
            Map.entry("mac", s -> MAC.matcher(s).matches()),
            Map.entry("uuid", s -> s.matches("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$")),
            Map.entry("uuid3", s -> s.matches("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$")),
            Map.entry("uuid4", s -> s.matches("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$")),
            Map.entry("uuid5", s -> s.matches("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$")),
            Map.entry("isbn", s -> isIsbn10(s) || isIsbn13(s)),
            Map.entry("isbn10", Formats::isIsbn10),
            Map.entry("isbn13", Formats::isIsbn13),
            Map.entry("creditcard", Formats::isCreditCard),
            Map.entry("ssn", s -> s.matches("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$")),
            Map.entry("hexcolor", s -> s.matches("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")),
            Map.entry("rgbcolor", s -> s.matches("^rgb\\(" + RGB_PART + "," + RGB_PART + "," + RGB_PART + "\\)$")),
            Map.entry("byte", s -> BASE64.matcher(s).matches()),
            Map.entry("password", s -> true),
            Map.entry("date", Formats::isDate),
            Map.entry("duration", Formats::isDuration),
            Map.entry("datetime", Formats::isDateTime),
            Map.entry("k8sshortname", s -> s.length() <= 63 && DNS_LABEL.matcher(s).matches()),
            Map.entry("k8slongname", s -> s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches()));

    private Formats() {
    }

    /** Whether {@code value} is valid for {@code format}; true for a format the API server does not check. */
    static boolean valid(String format, String value) {
        Predicate<String> check = CHECKS.get(format.replace("-", "").toLowerCase(Locale.ROOT));
        return check == null || check.test(value);
    }

    /** Whether the API server checks {@code format} on strings. */
    static boolean checked(String format) {
        return CHECKS.containsKey(format.replace("-", "").toLowerCase(Locale.ROOT));
    }

    static boolean isDate(String value) {
        if (!value.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** kube-openapi's {@code IsDateTime}: a full date, a {@code T}, and a time with zone ({@code Z} or an offset). */
    static boolean isDateTime(String value) {
        if (value.length() < 4) {
            return false;
        }
        String[] parts = value.toLowerCase(Locale.ROOT).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        Matcher time = DATE_TIME.matcher(parts[1]);
        return time.find() && time.group(1).compareTo("23") <= 0 && time.group(2).compareTo("59") <= 0
                && time.group(3).compareTo("59") <= 0;
    }

    /** Go's {@code time.ParseDuration}, or strfmt's looser form ({@code "3 days"}, {@code "1h 30min"}). */
    static boolean isDuration(String value) {
        if (GO_DURATION.matcher(value).matches()) {
            return true;
        }
        Matcher matcher = LOOSE_DURATION.matcher(value);
        boolean any = false;
        while (matcher.find()) {
            String unit = matcher.group(2).toLowerCase(Locale.ROOT);
            any |= unit.matches("ns|nano.*|us|µs|micro.*|ms|milli.*|s|sec.*|m|min.*|h|hr|hour.*|d|day.*|w|wk|week.*");
        }
        return any;
    }

    static boolean isIpv4(String value) {
        Matcher matcher = IPV4.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(matcher.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String value) {
        if (!value.contains(":") || !value.matches("^[0-9A-Fa-f:.]+$")) {
            return false;
        }
        int lastColon = value.lastIndexOf(':');
        String tail = value.substring(lastColon + 1);
        String head = value;
        int groups = 0;
        if (tail.contains(".")) {
            if (!isIpv4(tail)) {
                return false;
            }
            head = value.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = head.indexOf("::");
        if (doubleColon != head.lastIndexOf("::")) {
            return false;
        }
        for (String group : head.split(":", -1)) {
            if (group.isEmpty()) {
                continue;
            }
            if (group.length() > 4) {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8 && !head.startsWith(":") && !head.endsWith(":");
    }

    private static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !value.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        String address = value.substring(0, slash);
        int bits = Integer.parseInt(value.substring(slash + 1));
        if (isIpv4(address)) {
            return bits <= 32;
        }
        return isIpv6(address) && bits <= 128;
    }

    private static boolean isRequestUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() || value.startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isIsbn10(String value) {
        String digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("^\\d{9}[\\dX]$")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = digits.charAt(i) == 'X' ? 10 : digits.charAt(i) - '0';
            sum += (i + 1) * digit;
        }
        return sum % 11 == 0;
    }

    private static boolean isIsbn13(String value) {
        String digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("^\\d{13}$")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == digits.charAt(12) - '0';
    }

    private static boolean isCreditCard(String value) {
        String digits = value.replaceAll("\\D", "");
        if (!digits.matches("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}"
                + "|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})$")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
