//! A bare Tauri window showing one static page, with no plugins and no
//! commands: the baseline against which the webview benchmark compares
//! Casebook's memory.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("The bare window could not run: {error}");
        std::process::exit(1);
    }
}
