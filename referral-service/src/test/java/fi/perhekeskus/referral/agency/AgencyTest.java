package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class AgencyTest {

    private static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
    }

    @Test
    void registeringAnAgencyAnnouncesItToTheNetwork() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency(AGENCY, "Kangasalan perheneuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Kangasala", List.of("Kangasala", "Pälkäne"), null,
                        "coordinator-1", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencyRegistered(AGENCY, "Kangasalan perheneuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Kangasala", List.of("Kangasala", "Pälkäne"),
                        "coordinator-1", NOW));
    }

    @Test
    void anAgencyWithoutServedMunicipalitiesServesItsHomeMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", null, null, "coordinator-1", NOW))
                .expectEvents(new AgencyRegistered(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", List.of("Tampere"), "coordinator-1", NOW));
    }

    @Test
    void anAgencyMayGiveAContactAddressForNotifications() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", null, "neuvola.hervanta@example.fi", "coordinator-1", NOW))
                .expectEvents(new AgencyRegistered(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", List.of("Tampere"), "neuvola.hervanta@example.fi",
                        "coordinator-1", NOW));
    }
}
