package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.FakeTime;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaLimiterTest {

    @Test
    void otherCallsShareFifteenPerSecondAfterAHalfBurst() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        for (int i = 0; i < 150; i++) {
            limiter.acquire(i % 2 == 0 ? "UpdateFunctionCode" : "PublishVersion");
        }
        // 7.5 tokens of burst, then one every 1/15 s
        assertThat(time.slept()).isBetween(Duration.ofMillis(9400), Duration.ofMillis(9600));
    }

    @Test
    void getFunctionHasItsOwnLargerQuota() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        for (int i = 0; i < 7; i++) {
            limiter.acquire("PublishVersion");
        }
        assertThat(limiter.acquire("GetFunction")).isZero();
        for (int i = 0; i < 49; i++) {
            limiter.acquire("GetFunction");
        }
        assertThat(time.slept()).isZero();
        assertThat(limiter.acquire("GetFunction")).isPositive();
    }

    @Test
    void neverMoreThanTheQuotaInAnySecondOnceTheBurstIsSpent() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        var start = time.instant();
        int calls = 0;
        while (Duration.between(start, time.instant()).compareTo(Duration.ofSeconds(10)) < 0) {
            limiter.acquire("UpdateFunctionCode");
            calls++;
        }
        assertThat(calls).isLessThanOrEqualTo(8 + 15 * 10);
    }

    private static final String ROLE = "arn:aws:iam::111122223333:role/deployer";

    private static ClientSettings settings(String accessKeyId, String sessionToken, String roleArn) {
        return ClientSettings.builder()
                .region("eu-west-1")
                .credentials(new CredentialsSource.StaticKeys(accessKeyId, "secret-" + accessKeyId, sessionToken))
                .role(RoleAssumption.of(roleArn, null, null, null))
                .limitQuota(false)
                .build();
    }

    @Test
    void theKeyIsAccountRegionAndEndpointNeverTheCredentials() {
        ClientSettings first = settings("ASIAFIRSTSESSION0001", "token-1", ROLE);
        ClientSettings second = settings("ASIASECONDSESSION002", "token-2", "arn:aws:iam::111122223333:role/other");

        assertThat(first.quotaKey())
                .isEqualTo(second.quotaKey())
                .isEqualTo(new QuotaLimiter.Key("111122223333", "eu-west-1", "aws"));
        assertThat(first.quotaKey().toString())
                .isEqualTo("111122223333|eu-west-1|aws")
                .doesNotContain("ASIA", "secret", "token", "deployer");
        assertThat(settings("ASIAFIRSTSESSION0001", "token-1", "arn:aws:iam::444455556666:role/deployer")
                        .quotaKey())
                .isNotEqualTo(first.quotaKey());
        // without a role the account is not known here: region and endpoint only, whatever the keys
        assertThat(settings("AKIAUSERONE000000001", null, null).quotaKey())
                .isEqualTo(settings("AKIAUSERTWO000000002", null, null).quotaKey())
                .hasToString("*|eu-west-1|aws");
        assertThat(ClientSettings.builder()
                        .region("eu-west-1")
                        .endpoint(URI.create("http://127.0.0.1:4566"))
                        .credentials(new CredentialsSource.DefaultChain())
                        .limitQuota(false)
                        .build()
                        .quotaKey())
                .hasToString("*|eu-west-1|http://127.0.0.1:4566");
    }

    @Test
    void sessionsWithDifferentKeyIdsOfOneAccountShareOneBudget() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter.Registry registry = new QuotaLimiter.Registry(time, time, Duration.ofMinutes(10), 100, 15);
        // every resolve of role credentials yields a new session, as aws-credentials' role credentials do
        for (int i = 0; i < 150; i++) {
            ClientSettings session = settings(String.format("ASIASESSION%09d", i), "token-" + i, ROLE);
            registry.limiter(session.quotaKey()).acquire("UpdateFunctionCode");
        }
        // exactly as one limiter: 7.5 tokens of burst, then one every 1/15 s
        assertThat(time.slept()).isBetween(Duration.ofMillis(9400), Duration.ofMillis(9600));
        assertThat(registry.size()).isOne();
    }

    @Test
    void aFunctionArnNamesTheAccountWhenTheSettingsDoNot() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter.Registry registry = new QuotaLimiter.Registry(time, time, Duration.ofMinutes(10), 100, 15);
        QuotaLimiter unknown = registry.limiter(new QuotaLimiter.Key(null, "us-east-1", "aws"));

        assertThat(unknown.forFunction("arn:aws:lambda:us-east-1:111122223333:function:orders:live")
                        .key())
                .isEqualTo(new QuotaLimiter.Key("111122223333", "us-east-1", "aws"));
        assertThat(unknown.forFunction("111122223333:function:orders").key())
                .isEqualTo(new QuotaLimiter.Key("111122223333", "us-east-1", "aws"));
        assertThat(unknown.forFunction("orders")).isSameAs(unknown);
        assertThat(unknown.forFunction(null)).isSameAs(unknown);
        // a known account (from the role) is kept
        QuotaLimiter known = registry.limiter(new QuotaLimiter.Key("444455556666", "us-east-1", "aws"));
        assertThat(known.forFunction("arn:aws:lambda:us-east-1:111122223333:function:orders"))
                .isSameAs(known);

        // the ARN's account has its own budget, apart from the unknown-account one
        for (int i = 0; i < 7; i++) {
            unknown.acquire("PublishVersion");
        }
        assertThat(unknown.forFunction("111122223333:function:orders").acquire("PublishVersion"))
                .isZero();
        assertThat(unknown.acquire("PublishVersion")).isPositive();
    }

    @Test
    void idleLimitersAreDroppedAndUsedOnesKept() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter.Registry registry = new QuotaLimiter.Registry(time, time, Duration.ofMinutes(10), 100, 15);
        QuotaLimiter busy = registry.limiter(new QuotaLimiter.Key("111122223333", "eu-west-1", "aws"));
        QuotaLimiter idle = registry.limiter(new QuotaLimiter.Key("444455556666", "eu-west-1", "aws"));
        busy.acquire("GetFunction");
        idle.acquire("GetFunction");
        assertThat(registry.size()).isEqualTo(2);

        for (int minute = 1; minute <= 10; minute++) {
            time.advance(Duration.ofMinutes(1));
            busy.acquire("GetFunction");
        }
        assertThat(registry.size()).isOne();

        // the handle still works after its buckets were dropped: fresh, full buckets, as an idle one's would be
        for (int i = 0; i < 7; i++) {
            assertThat(idle.acquire("UpdateFunctionCode")).isZero();
        }
        assertThat(idle.acquire("UpdateFunctionCode")).isPositive();
        assertThat(registry.size()).isEqualTo(2);

        // every limiter idle: the next lookup drops them all but its own
        time.advance(Duration.ofMinutes(10));
        registry.limiter(new QuotaLimiter.Key(null, "us-east-1", "aws")).acquire("GetFunction");
        assertThat(registry.size()).isOne();
    }

    @Test
    void theExpiryIsNeverShorterThanARefill() {
        FakeTime time = new FakeTime();
        assertThatThrownBy(() -> new QuotaLimiter.Registry(time, time, Duration.ofMillis(100), 100, 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refill");
        assertThat(new QuotaLimiter.Registry(time, time, Duration.ofMillis(500), 100, 15).size())
                .isZero();
    }
}
