/** Reporting: templates with guided questions and self-help tips, reports through them, and machine alerts. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "incidents",
            "incidents::system",
            "incidents::channels",
            "assets",
            "identity",
            "identity::system",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.intake;
