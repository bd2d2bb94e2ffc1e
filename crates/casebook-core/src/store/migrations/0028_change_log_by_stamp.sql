-- The change log ordered by clock stamp. Every sign-in resumes the clock
-- after the latest stamp the unit holds (`change_log::resume_clock`); without
-- this index that is a read of the whole log, which at county scale is most
-- of the file and a quarter of a second of every sign-in.

CREATE INDEX change_log_by_stamp ON change_log (hlc);
