//! Committing a benchmark's writes as the core does for a signed-in
//! account: each change names its author and is signed, since the store
//! refuses a change that names nobody. Shared by the store benchmarks.

/// Commits as the benchmark's one author, signing its changes as the core
/// does for a signed-in account.
pub fn commit_signed(tx: rusqlite::Transaction<'_>, what: &str) {
    static KEYS: std::sync::OnceLock<casebook_core::vault::account_keys::AccountKeys> =
        std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        casebook_core::vault::account_keys::AccountKeys::generate(
            &mut casebook_core::clock::OsEntropy,
        )
    });
    let author = casebook_core::domain::ids::AccountId(uuid::Uuid::nil());
    casebook_core::unit::authorship::commit_as_author(tx, author, Some(keys), what).unwrap();
}
