//! Reading the audit trail: browsing it with filters, checking its chains,
//! and exporting it as CSV. Managers and administrators only, and each of
//! these is itself recorded.

use std::path::{Path, PathBuf};

use crate::clock::{Clock, Entropy};
use crate::domain::audit::{AuditAction, AuditFilter, ChainVerdict, verify_chains};
use crate::error::{CoreError, CoreResult};
use crate::store::{self, audit::AuditView};
use crate::unit::unlocked::UnlockedUnit;
use crate::write_once::write_under_a_new_name;

/// The most entries of the trail in one page.
pub const AUDIT_PAGE_SIZE: usize = 200;

/// One page of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPage {
    pub entries: Vec<AuditView>,
    /// How many entries the filter selects, on every page.
    pub total: usize,
    /// Counting from 0: the page asked for, or the last if there are fewer.
    pub page: usize,
    /// At least 1.
    pub page_count: usize,
}

impl UnlockedUnit {
    /// The first page of the entries `filter` selects, newest first.
    pub fn audit_trail(
        &mut self,
        filter: &AuditFilter,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<AuditView>> {
        Ok(self.audit_trail_page(filter, 0, clock, entropy)?.entries)
    }

    /// One page (counting from 0) of the entries `filter` selects, newest
    /// first, with how many it selects in all. Reading is recorded first.
    pub fn audit_trail_page(
        &mut self,
        filter: &AuditFilter,
        page: usize,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<AuditPage> {
        self.require_audit_reader()?;
        self.audit_alone(
            AuditAction::ViewedAuditTrail,
            &filter_detail(filter),
            clock,
            entropy,
        )?;
        let total = store::audit::count(&self.conn, filter)?;
        let page_count = total.div_ceil(AUDIT_PAGE_SIZE).max(1);
        let page = page.min(page_count - 1);
        let window = store::audit::AuditWindow {
            skip: page * AUDIT_PAGE_SIZE,
            take: AUDIT_PAGE_SIZE,
        };
        Ok(AuditPage {
            entries: self.entries_for_this_reader(filter, window)?,
            total,
            page,
            page_count,
        })
    }

    /// The entries, with clients' names left out for an account that only
    /// administers: it may read the trail but sees no client data. For the
    /// same reason the detail of an entry about a client (a RAG rating, a
    /// break-glass reason a keyworker typed) is left out for it too; it
    /// still sees who did what to which record, and when. Only this view
    /// is changed: the chain is checked on the entries as stored.
    fn entries_for_this_reader(
        &self,
        filter: &AuditFilter,
        window: store::audit::AuditWindow,
    ) -> CoreResult<Vec<AuditView>> {
        let mut entries = store::audit::filtered(&self.conn, filter, window)?;
        if !self.may_see_client_data() {
            for view in &mut entries {
                view.client_name = None;
                if view.entry.client_id.is_some() {
                    view.entry.detail = String::from("{}");
                }
            }
        }
        Ok(entries)
    }

    /// Checks every device's chain and reports the first broken link.
    pub fn verify_audit_trail(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ChainVerdict> {
        self.require_audit_reader()?;
        let verdict = verify_chains(&store::audit::all(&self.conn)?);
        let detail = match &verdict {
            ChainVerdict::Intact { entries } => {
                serde_json::json!({ "intact": true, "entries": entries })
            }
            ChainVerdict::Broken { seq, .. } => {
                serde_json::json!({ "intact": false, "broken_at": seq })
            }
        };
        self.audit_alone(AuditAction::CheckedAuditTrail, &detail, clock, entropy)?;
        Ok(verdict)
    }

    /// Writes the entries `filter` selects to a new CSV file in `folder` and
    /// returns its path. The file is new (never replacing one) and appears
    /// whole or not at all.
    pub fn export_audit_trail(
        &mut self,
        filter: &AuditFilter,
        folder: &Path,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<PathBuf> {
        self.export_audit_trail_into(filter, folder, "this computer", clock, entropy)
    }

    /// The same export, saved in the `exports/` folder of the unit's shared
    /// folder for colleagues to open, written the same way (whole or not at
    /// all, never over another file); the trail records where it went.
    pub fn export_audit_trail_to_share(
        &mut self,
        filter: &AuditFilter,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<PathBuf> {
        self.require_audit_reader()?;
        let share = self.sync_status()?.folder.ok_or_else(|| {
            CoreError::invalid(
                "This computer is not connected to the unit's shared folder, so there is nowhere shared to save to. Save it on this computer instead.",
            )
        })?;
        if !share.is_dir() {
            return Err(crate::sync::outbox::share_error(
                &std::io::Error::from(std::io::ErrorKind::NotFound),
                "save the export to the shared folder",
            ));
        }
        self.export_audit_trail_into(
            filter,
            &share.join("exports"),
            "the shared folder",
            clock,
            entropy,
        )
    }

    fn export_audit_trail_into(
        &mut self,
        filter: &AuditFilter,
        folder: &Path,
        destination: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<PathBuf> {
        self.require_audit_reader()?;
        let entries = self.entries_for_this_reader(filter, store::audit::AuditWindow::ALL)?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let fail = |e: csv::Error| CoreError::internal(&e);
        writer
            .write_record([
                "seq",
                "at",
                "who",
                "account_id",
                "device_id",
                "action",
                "client_id",
                "client",
                "detail",
                "hash",
            ])
            .map_err(fail)?;
        for view in &entries {
            let e = &view.entry;
            writer
                .write_record([
                    e.seq.to_string().as_str(),
                    &e.at,
                    view.who.as_deref().unwrap_or(""),
                    e.account_id.as_deref().unwrap_or(""),
                    &e.device_id,
                    &e.action,
                    e.client_id.as_deref().unwrap_or(""),
                    view.client_name.as_deref().unwrap_or(""),
                    &e.detail,
                    &e.hash,
                ])
                .map_err(fail)?;
        }
        let bytes = writer.into_inner().map_err(|e| CoreError::internal(&e))?;
        std::fs::create_dir_all(folder)
            .map_err(|e| CoreError::from_io(&e, "export the audit trail"))?;
        let stem = clock
            .now()
            .format("casebook-audit-%Y%m%d-%H%M%S")
            .to_string();
        let path = write_under_a_new_name(folder, &stem, "csv", &bytes, "export the audit trail")?;
        let mut detail = filter_detail(filter);
        detail["entries"] = serde_json::json!(entries.len());
        detail["saved_to"] = serde_json::json!(destination);
        self.audit_alone(AuditAction::ExportedAuditTrail, &detail, clock, entropy)?;
        Ok(path)
    }
}

fn filter_detail(filter: &AuditFilter) -> serde_json::Value {
    serde_json::json!({
        "account": filter.account.map(|a| a.to_string()),
        "client": filter.client.map(|c| c.to_string()),
        "action": filter.action.map(|a| a.as_str()),
        "from": filter.from.map(|d| d.to_string()),
        "to": filter.to.map(|d| d.to_string()),
    })
}
