-- A replaced signing secret keeps signing beside the new one until the overlap ends, so the
-- receiver can move to the new secret without losing a delivery (Standard Webhooks).
ALTER TABLE webhooks ADD COLUMN previous_secret TEXT;
ALTER TABLE webhooks ADD COLUMN previous_secret_until TIMESTAMP;
-- Since when every delivery to the endpoint has failed; after a day it is switched off.
ALTER TABLE webhooks ADD COLUMN failing_since TIMESTAMP;
