package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.testing.CommittedOpenApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document reporting-service serves is the one committed in docs/openapi, from which the
 * clients are generated and which is linted (infra/api-clients).
 */
@ReportingServiceIT
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        CommittedOpenApi.assertServedEqualsCommitted(port, "reporting-service");
    }
}
