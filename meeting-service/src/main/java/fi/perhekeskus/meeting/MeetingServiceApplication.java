package fi.perhekeskus.meeting;

import fi.perhekeskus.infra.PlatformApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Group programmes, sessions, enrolment, attendance, feedback, network meetings, open places. */
@SpringBootApplication
public class MeetingServiceApplication {

    public static final String NAME = "meeting-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return PlatformApplication.builder(MeetingServiceApplication.class, NAME);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
