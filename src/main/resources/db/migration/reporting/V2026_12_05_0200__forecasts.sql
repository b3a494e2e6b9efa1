-- Forecasts of the weekly incident counts per category and per business unit (the last fit of each series), and the
-- weeks whose count fell far outside the forecast made before them. Reporting's own tables: it fits them from the
-- incidents it reads.
create table reporting_forecast (
    dimension text        not null check (dimension in ('category', 'business-unit')),
    series    text        not null,
    label     text        not null,
    fitted_at timestamptz not null,
    first_week date       not null,
    history   jsonb       not null,
    forecast  jsonb       not null,
    model     jsonb       not null,
    accuracy  jsonb,
    primary key (dimension, series)
);

create table reporting_anomaly (
    dimension   text             not null,
    series      text             not null,
    label       text             not null,
    week        date             not null,
    actual      bigint           not null,
    expected    double precision not null,
    lower_bound double precision not null,
    upper_bound double precision not null,
    detected_at timestamptz      not null,
    primary key (dimension, series, week)
);
create index reporting_anomaly_detected on reporting_anomaly (detected_at desc);
