//! Tasks: my open tasks for the home screen (overdue first), and marking a
//! task done, cancelling it with a reason or giving it to someone else.
//! Its owner, or anyone with full access to the client, may change it.

use chrono::NaiveDate;

use crate::clock::{Clock, Entropy};
use crate::domain::access::ClientAccess;
use crate::domain::account::CaseRole;
use crate::domain::audit::AuditAction;
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::{AccountId, TaskId};
use crate::domain::names::PersonName;
use crate::error::{CoreError, CoreResult};
use crate::store::{self, tasks::Task};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// A task on someone's list, with the client's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskListed {
    pub task: Task,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub overdue: bool,
}

/// What is to happen to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskChange<'a> {
    Done,
    Cancelled { reason: &'a str },
    Reassigned { to: AccountId, reason: &'a str },
}

impl<'a> TaskChange<'a> {
    /// A task given to someone else: who it goes to must be chosen.
    pub fn reassigned(to: Option<AccountId>, reason: &'a str) -> CoreResult<TaskChange<'a>> {
        match to {
            Some(to) => Ok(TaskChange::Reassigned { to, reason }),
            None => Err(CoreError::invalid("Choose who the task goes to.")),
        }
    }
}

impl UnlockedUnit {
    /// This account's open tasks, soonest due first, so overdue ones lead.
    pub fn my_tasks(&self, today: NaiveDate) -> CoreResult<Vec<TaskListed>> {
        self.require_case_role()?;
        let mut listed = Vec::new();
        for task in store::tasks::open_for_owner(&self.conn, self.account.id)? {
            let Some(client) = store::clients::find(&self.conn, task.client)? else {
                continue;
            };
            listed.push(TaskListed {
                overdue: task.due_on < today,
                given_name: client.given_name,
                family_name: client.family_name,
                task,
            });
        }
        Ok(listed)
    }

    pub fn change_task(
        &mut self,
        id: TaskId,
        change: TaskChange<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Task> {
        self.require_case_role()?;
        let task = store::tasks::find(&self.conn, id)?
            .ok_or_else(|| CoreError::invalid("That task is not in this unit any more."))?;
        let client = self.find_client(task.client)?;
        if task.owner != self.account.id && self.access_to(&client) != ClientAccess::Full {
            return Err(CoreError::forbidden(
                "change this task: it is someone else's, on a client allocated to another keyworker",
            ));
        }
        if !task.is_open() {
            return Err(CoreError::invalid(
                "This task is already done or cancelled, perhaps on another computer.",
            ));
        }
        let reason_of = |reason: &str| {
            parse_free_text(reason, 5, 1000, "Give a reason of at least a few words.")
        };
        let (what, reason) = match change {
            TaskChange::Done => ("done", None),
            TaskChange::Cancelled { reason } => ("cancelled", Some(reason_of(reason)?)),
            TaskChange::Reassigned { to, reason } => {
                match store::accounts::find(&self.conn, to)? {
                    // Partners see a summary of each client, never the
                    // casework a task comes from.
                    Some(account)
                        if !account.disabled
                            && matches!(
                                account.case_role,
                                Some(CaseRole::Keyworker | CaseRole::Manager)
                            ) => {}
                    _ => {
                        return Err(CoreError::invalid(
                            "Choose a keyworker or a manager: tasks go to staff who hold casework.",
                        ));
                    }
                }
                if to == task.owner {
                    return Err(CoreError::invalid("The task is already theirs."));
                }
                ("reassigned", Some(reason_of(reason)?))
            }
        };
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "change": what });
        let audit = self.audit_record(
            AuditAction::TaskChanged,
            Some(task.client),
            &detail,
            clock,
            entropy,
        );
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the task")?;
        match change {
            TaskChange::Reassigned { to, .. } => {
                store::tasks::reassign(&tx, stamp, id, to, reason.as_deref().unwrap_or_default())?;
            }
            _ => store::tasks::close(&tx, stamp, id, what, reason.as_deref(), me)?,
        }
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the task",
        )?;
        store::tasks::find(&self.conn, id)?.ok_or_else(|| CoreError::internal(&"a task that went"))
    }
}
