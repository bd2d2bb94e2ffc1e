-- The latest clock stamp this device has received from any other device.
-- The clock resumes after it on restart as well as after this device's own
-- latest change, so an edit made after reading another device's change is
-- always stamped later than it, even when this computer's clock is slow.
-- Local bookkeeping: it never syncs.

ALTER TABLE this_device ADD COLUMN observed_hlc TEXT;
