package dev.confab.management.web.forms;

import dev.confab.management.cloud.DeploymentChecks;
import dev.confab.management.cloud.check.Finding;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The AWS deployment check's last result as Global Settings shows it. Pure. */
final class DeploymentCheckView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DeploymentCheckView() {
    }

    static FormModel.CheckView of(Optional<DeploymentChecks.Result> last, String action) {
        if (last.isEmpty()) {
            return new FormModel.CheckView(action, "Never", List.of());
        }
        List<List<String>> rows = last.get().findings().stream().map(DeploymentCheckView::row).toList();
        return new FormModel.CheckView(action, TIME.format(last.get().checkedAt().truncatedTo(ChronoUnit.SECONDS)),
                rows);
    }

    private static List<String> row(Finding finding) {
        return List.of(finding.severity().name().toLowerCase(Locale.ROOT), finding.resource(), finding.problem(),
                finding.fix());
    }
}
