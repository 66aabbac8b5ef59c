package fi.perhekeskus.reporting.web;

import fi.perhekeskus.reporting.suppression.Count;
import fi.perhekeskus.reporting.suppression.Suppression;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link Count} is written as its number or its marker ({@code @JsonValue}), which the OpenAPI
 * document cannot see from the type: it is described here as one of the two.
 */
@Configuration(proxyBeanMethods = false)
public class CountSchema {

    public CountSchema() {
        Schema<Object> count = new Schema<>();
        count.description("A count: a whole number, or for ANALYST callers \"<5\" (a count from 1 to 4) or "
                + "\"suppressed\" (withheld so that a small count cannot be worked out from the other figures)");
        count.oneOf(List.of(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO),
                new StringSchema()._enum(List.of(Suppression.SMALL, Suppression.WITHHELD))));
        SpringDocUtils.getConfig().replaceWithSchema(Count.class, count);
    }
}
