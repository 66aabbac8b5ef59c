package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.privacy.AesGcm;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service with its own PostgreSQL keeps its families' data keys there, wrapped with the master
 * key; without a valid one it does not start ({@link PrivacySettings#masterKeyBytes()}).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(PrivacySettings.class)
public class PrivacyAutoConfiguration {

    /** Caches keys while it hears every instance's erasures (one connection of the pool held for it). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(FamilySealer.class)
    public JdbcFamilySealer familySealer(JdbcTemplate jdbc, PrivacySettings settings) {
        return new JdbcFamilySealer(jdbc, AesGcm.key(settings.masterKeyBytes())).listenForErasures();
    }
}
