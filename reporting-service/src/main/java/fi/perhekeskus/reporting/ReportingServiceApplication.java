package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.PlatformApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Consumes every public topic into dashboard projections; serves the dashboard, JSON and CSV. */
@SpringBootApplication
public class ReportingServiceApplication {

    public static final String NAME = "reporting-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return PlatformApplication.builder(ReportingServiceApplication.class, NAME);
    }
}
