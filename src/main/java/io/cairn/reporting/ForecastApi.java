package io.cairn.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The forecasts of weekly incident counts, their measured accuracy, and the anomalies, through the API. */
@RestController
@RequestMapping("/api/v1/forecasts")
@Tag(
        name = "Forecasts",
        description = "Per category and per business unit, the weekly incident counts, a forecast of the coming weeks "
                + "with a 95 % interval (Holt-Winters with a yearly season once two years of history exist), its "
                + "accuracy on the last eight weeks held out, and the weeks whose count fell far outside the forecast "
                + "made before them (coordinators are told). Fitted every cairn.reporting.forecast-interval.")
class ForecastApi {

    private final Forecasts forecasts;

    ForecastApi(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Operation(operationId = "listForecasts", summary = "The forecasts per category (by=category) or business unit")
    @GetMapping
    List<ForecastView> forecasts(@RequestParam(required = false) @Nullable String by) {
        return forecasts.forecasts(by).orRefuse();
    }

    @Operation(operationId = "listAnomalies", summary = "The weeks whose count fell far outside their forecast")
    @GetMapping("/anomalies")
    List<AnomalyView> anomalies() {
        return forecasts.anomalies().orRefuse();
    }

    @Operation(
            operationId = "fitForecasts",
            summary = "Fit every forecast now (coordinators, admins)",
            description = "What the schedule does: fits each series, and checks the last complete week for anomalies.")
    @PostMapping("/fit")
    Forecasting.Fit fit() {
        return forecasts.fit().orRefuse();
    }
}
