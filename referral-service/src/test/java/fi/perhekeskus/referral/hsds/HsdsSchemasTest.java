package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas the directory IT validates against do refuse what HSDS does not allow. */
class HsdsSchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aValidServiceListItemPasses() throws Exception {
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICES, json.readTree("""
                {"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true,
                 "last_page": true, "empty": false,
                 "contents": [{"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "name": "Perhekahvila",
                               "status": "active", "minimum_age": 0, "last_modified": "2026-01-31T12:00:00.123Z"}]}
                """))).isEmpty();
    }

    @Test
    void aServiceWithoutStatusOrWithAnUnknownOneFails() throws Exception {
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICE, json.readTree("""
                {"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "name": "Perhekahvila"}"""))).isNotEmpty();
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICE, json.readTree("""
                {"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "name": "Perhekahvila", "status": "withdrawn"}""")))
                .isNotEmpty();
    }

    @Test
    void formatsAreAsserted() throws Exception {
        JsonNode badId = json.readTree("""
                {"id": "not-a-uuid", "name": "Perhekahvila", "status": "active"}""");
        JsonNode badTime = json.readTree("""
                {"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "name": "Perhekahvila", "status": "active",
                 "last_modified": "yesterday"}""");
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICE, badId)).isNotEmpty();
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICE, badTime)).isNotEmpty();
    }

    @Test
    void nestedRowsAndPageItemsAreChecked() throws Exception {
        // A language row without its id, inside a service; a page whose item lacks a name.
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.SERVICE, json.readTree("""
                {"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "name": "Perhekahvila", "status": "active",
                 "languages": [{"code": "fi"}]}"""))).isNotEmpty();
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.ORGANIZATIONS, json.readTree("""
                {"total_items": 1, "contents": [{"id": "2f1f5e02-3b4e-4a5e-9a57-3b0c2f7e0a11", "description": "x"}]}""")))
                .isNotEmpty();
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.TAXONOMY_TERMS, json.readTree("""
                {"total_items": "many", "contents": []}"""))).isNotEmpty();
        assertThat(HsdsSchemas.errors(HsdsSchemas.Response.ROOT, json.readTree("""
                {"version": 3}"""))).isNotEmpty();
    }
}
