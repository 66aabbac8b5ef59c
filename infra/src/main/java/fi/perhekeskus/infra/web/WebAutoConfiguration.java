package fi.perhekeskus.infra.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {
}
