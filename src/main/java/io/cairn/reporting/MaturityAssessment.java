package io.cairn.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Judges the model's practices on the computed indicators and the admins' records: a practice with an indicator is
 * shown when its value reaches the target, a recorded one when its record holds today. The organisation meets a
 * level when every practice of it and of each level below is shown.
 */
final class MaturityAssessment {

    private MaturityAssessment() {}

    static MaturityView assess(
            MaturityModel model, MaturityFigures.Computed figures, Map<String, MaturityRecord> records) {
        List<MaturityView.PracticeView> judged = model.practices().stream()
                .map(practice -> judge(practice, figures, records.get(practice.key())))
                .toList();
        List<MaturityView.LevelView> levels = new ArrayList<>();
        int met = 0;
        for (int level = 1; level <= MaturityModel.LEVELS; level++) {
            List<MaturityView.PracticeView> practices = of(judged, level);
            boolean all = practices.stream().allMatch(MaturityView.PracticeView::met);
            levels.add(new MaturityView.LevelView(level, all, practices));
            met = all && met == level - 1 ? level : met;
        }
        Integer next = met < MaturityModel.LEVELS ? met + 1 : null;
        List<MaturityView.PracticeView> missing = next == null
                ? List.of()
                : of(judged, next).stream().filter(practice -> !practice.met()).toList();
        List<MaturityView.DomainView> domains =
                model.domains().stream().map(domain -> domain(domain, judged)).toList();
        return new MaturityView(figures.from(), figures.to(), met, next, levels, domains, missing);
    }

    private static MaturityView.PracticeView judge(
            MaturityModel.Practice practice, MaturityFigures.Computed figures, @Nullable MaturityRecord record) {
        MaturityIndicator indicator = practice.indicator();
        MaturityModel.Target target = practice.target();
        if (indicator == null || target == null) {
            LocalDate today = figures.to();
            return new MaturityView.PracticeView(
                    practice.key(),
                    practice.level(),
                    practice.domain(),
                    "record",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    record,
                    record != null && record.holdsOn(today));
        }
        Double value = figures.values().get(indicator);
        return new MaturityView.PracticeView(
                practice.key(),
                practice.level(),
                practice.domain(),
                "indicator",
                indicator.code(),
                indicator.unit(),
                value,
                target.atLeast() ? "at-least" : "at-most",
                target.value(),
                indicator.metric(),
                null,
                target.reachedBy(value));
    }

    private static MaturityView.DomainView domain(String domain, List<MaturityView.PracticeView> judged) {
        List<MaturityView.PracticeView> practices = judged.stream()
                .filter(practice -> practice.domain().equals(domain))
                .toList();
        int level = 0;
        for (MaturityView.PracticeView practice : practices.stream()
                .sorted(java.util.Comparator.comparingInt(MaturityView.PracticeView::level))
                .toList()) {
            if (!practice.met()) {
                break;
            }
            boolean lastOfLevel = practices.stream()
                    .filter(other -> other.level() == practice.level())
                    .allMatch(MaturityView.PracticeView::met);
            level = lastOfLevel ? practice.level() : level;
        }
        int shown =
                (int) practices.stream().filter(MaturityView.PracticeView::met).count();
        return new MaturityView.DomainView(domain, level, shown, practices.size());
    }

    private static List<MaturityView.PracticeView> of(List<MaturityView.PracticeView> judged, int level) {
        return judged.stream().filter(practice -> practice.level() == level).toList();
    }
}
