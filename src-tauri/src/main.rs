// Without this, Windows opens a console window beside the app in release
// builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let words: Vec<String> = std::env::args().skip(1).collect();
    if words.first().map(String::as_str) == Some("demo") {
        if let Err(message) = casebook::demo_command::run_demo_command(&words[1..]) {
            eprintln!("{message}");
            std::process::exit(2);
        }
        return;
    }
    casebook::run();
}
