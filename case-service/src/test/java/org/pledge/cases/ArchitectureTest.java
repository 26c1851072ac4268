package org.pledge.cases;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.pledge.testsupport.architecture.PledgeArchitectureRules;

/** The boundaries every Pledge module keeps ({@link PledgeArchitectureRules}). */
@AnalyzeClasses(packages = "org.pledge.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests pledge = ArchTests.in(PledgeArchitectureRules.class);
}
