package fi.perhekeskus.infra.web;

import java.util.UUID;

/** The answer of a create (or an update) that names only the resource: {@code {"id": ...}}. */
public record ResourceId(UUID id) {
}
