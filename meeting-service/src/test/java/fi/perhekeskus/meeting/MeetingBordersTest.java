package fi.perhekeskus.meeting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fi.perhekeskus.infra.testing.PlatformBorders;
import fi.perhekeskus.infra.testing.PlatformNames;

/** meeting-service keeps the platform's borders (PlatformBorders) and names (PlatformNames). */
@AnalyzeClasses(packages = "fi.perhekeskus.meeting", importOptions = ImportOption.DoNotIncludeTests.class)
class MeetingBordersTest {

    @ArchTest
    static final ArchTests borders = ArchTests.in(PlatformBorders.class);

    @ArchTest
    static final ArchTests names = ArchTests.in(PlatformNames.class);
}
