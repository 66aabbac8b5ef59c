package fi.perhekeskus.meeting;

import fi.perhekeskus.infra.processing.ConsumingProcessors;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MeetingConfiguration {

    /**
     * The processors that read the referral topic, each with its own token in this service's
     * database: the referral-driven enrolment, and what the service knows of agencies, families and
     * consents, and the municipalities invitations by age need. Apart, so a new one reads the topic from its start without replaying the other. A
     * poison event is parked with its aggregate's later events in this service's PostgreSQL.
     */
    @Bean
    public ConfigurerModule referralTopicProcessors(ConsumingProcessors processors) {
        return processors.readingPublicTopics(ProcessingGroups.ENROLMENT_POLICY, ProcessingGroups.PARTIES,
                        ProcessingGroups.INVITEES)
                .batchSize(100)
                .deadLettersInJdbc()
                .module();
    }
}
