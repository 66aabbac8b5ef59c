package fi.perhekeskus.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fi.perhekeskus.infra.testing.PlatformBorders;

/** reporting-service keeps the platform's borders (PlatformBorders). */
@AnalyzeClasses(packages = "fi.perhekeskus.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingBordersTest {

    @ArchTest
    static final ArchTests borders = ArchTests.in(PlatformBorders.class);
}
