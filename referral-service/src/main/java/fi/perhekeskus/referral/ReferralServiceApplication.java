package fi.perhekeskus.referral;

import fi.perhekeskus.infra.PlatformApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Agencies, the service directory, families, consent and referrals. */
@SpringBootApplication
public class ReferralServiceApplication {

    public static final String NAME = "referral-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return PlatformApplication.builder(ReferralServiceApplication.class, NAME);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
