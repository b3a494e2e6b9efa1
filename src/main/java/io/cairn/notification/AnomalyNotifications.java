package io.cairn.notification;

import io.cairn.identity.Role;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.reporting.AnomalyDetected;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the coordinators, in their inbox and by mail in their language, of a week whose incident count of a category
 * or business unit fell far outside its forecast; keyed by the series and the week, so each is told once.
 */
@Component
class AnomalyNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;
    private final Clock clock;

    AnomalyNotifications(InboxAndMail people, UsersForSystem users, Clock clock) {
        this.people = people;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void detected(AnomalyDetected anomaly) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("label", anomaly.label().isEmpty() ? "-" : anomaly.label());
        parameters.put("week", anomaly.week().toString());
        parameters.put("actual", anomaly.actual());
        parameters.put("expected", Math.round(anomaly.expected()));
        parameters.put("lower", Math.round(anomaly.lower()));
        parameters.put("upper", Math.round(anomaly.upper()));
        parameters.put("byCategory", "category".equals(anomaly.dimension()));
        people.tell(
                users.usersWithRole(Role.COORDINATOR),
                "forecast-anomaly:" + anomaly.dimension() + ":" + anomaly.series() + ":" + anomaly.week(),
                "forecast-anomaly",
                parameters,
                "/dashboards/forecasts",
                "en",
                clock.instant());
    }
}
