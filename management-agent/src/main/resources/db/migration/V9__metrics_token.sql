-- The bearer token that may read /metrics besides the administrator's credentials, sealed under the
-- Management Node's secret key like the other secrets of the global settings; none until one is set.
ALTER TABLE global ADD COLUMN metrics_scrape_token TEXT;
