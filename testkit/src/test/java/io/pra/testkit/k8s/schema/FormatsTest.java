package io.pra.testkit.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The string formats the API server checks, with kube-openapi's definitions. */
class FormatsTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "date-time      | 2026-12-07T10:15:30Z        | true",
        "date-time      | 2026-12-07T10:15:30.123+01:00 | true",
        "date-time      | 2026-12-07 10:15:30         | false",
        "date-time      | 2026-13-07T10:15:30Z        | false",
        "date-time      | 2026-12-07T24:15:30Z        | false",
        "date           | 2026-02-28                  | true",
        "date           | 2026-02-30                  | false",
        "byte           | cGFzc3dvcmQ=                | true",
        "byte           | not base64!                 | false",
        "duration       | 1h30m                       | true",
        "duration       | 3 days                      | true",
        "duration       | soon                        | false",
        "ipv4           | 10.20.0.1                   | true",
        "ipv4           | 10.20.0.256                 | false",
        "ipv6           | fd00::1                     | true",
        "ipv6           | fd00:::1                    | false",
        "cidr           | 10.10.0.0/16                | true",
        "cidr           | 10.10.0.0/33                | false",
        "cidr           | fd00::/64                   | true",
        "mac            | 00:1a:2b:3c:4d:5e           | true",
        "mac            | 00:1a:2b:3c:4d              | false",
        "uuid           | 3f2504e0-4f89-11d3-9a0c-0305e82c3301 | true",
        "uuid           | 3f2504e0                    | false",
        "uuid4          | 3f2504e0-4f89-41d3-9a0c-0305e82c3301 | true",
        "uuid4          | 3f2504e0-4f89-11d3-9a0c-0305e82c3301 | false",
        "hostname       | kafka.site-b.example        | true",
        "hostname       | -bad-.example               | false",
        "email          | oncall@pra.example          | true",
        "email          | oncall                      | false",
        "uri            | https://hooks.example/x     | true",
        "uri            | relative/path               | false",
        "k8s-short-name | pra-traffic                 | true",
        "k8s-short-name | Pra_Traffic                 | false",
        "k8s-long-name  | pra.traffic.example         | true",
        "hexcolor       | #a0b1c2                     | true",
        "hexcolor       | #a0b1c                      | false",
        "password       | anything at all             | true",
        "not-a-format   | anything at all             | true",
    })
    void checksWhatTheApiServerChecks(String format, String value, boolean valid) {
        assertThat(Formats.valid(format, value)).isEqualTo(valid);
    }
}
