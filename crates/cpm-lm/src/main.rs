//! `cpm-lm`: the command-line front end of the cpm-lm OMA CPM Large Message stack.
//!
//! It wires files, the terminal and (later) sockets and time to the sans-IO crates of this
//! workspace; it holds no protocol logic of its own.

mod inspect;
mod json;

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cpm-lm inspect [--kind sip|sdp|msrp] [FILE|-]

commands:
  inspect   parse one SIP, SDP or MSRP message (default: sip) from FILE or standard
            input (`-` or no FILE) and print it as one JSON object; on invalid input
            print `error: ...` with the byte offset and exit 1";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("inspect") => run_inspect(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command `{other}`")),
        None => usage_error("missing command"),
    }
}

fn usage_error(what: &str) -> ExitCode {
    eprintln!("error: {what}\n{USAGE}");
    ExitCode::from(2)
}

/// Arguments of `cpm-lm inspect`.
#[derive(Debug, PartialEq, Eq)]
struct InspectArgs {
    kind: inspect::Kind,
    /// `None` reads standard input.
    file: Option<String>,
}

fn parse_inspect_args(args: &[String]) -> Result<InspectArgs, String> {
    let mut kind = inspect::Kind::Sip;
    let mut file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--kind" => {
                let value = rest
                    .next()
                    .ok_or("`--kind` needs a value: sip, sdp or msrp")?;
                kind = inspect::Kind::from_arg(value)
                    .ok_or_else(|| format!("unknown kind `{value}`: expected sip, sdp or msrp"))?;
            }
            "-" if file.is_none() => file = Some("-".to_owned()),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    let file = file.filter(|f| f != "-");
    Ok(InspectArgs { kind, file })
}

fn run_inspect(args: &[String]) -> ExitCode {
    let args = match parse_inspect_args(args) {
        Ok(args) => args,
        Err(what) => return usage_error(&what),
    };
    let input = match read_input(args.file.as_deref()) {
        Ok(bytes) => bytes,
        Err(e) => {
            let name = args.file.as_deref().unwrap_or("standard input");
            eprintln!("error: cannot read {name}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match inspect::inspect(args.kind, &input) {
        Ok(json) => {
            let mut out = io::stdout().lock();
            // A closed pipe (`cpm-lm inspect x | head -c0`) is not an error worth a panic.
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_input(file: Option<&str>) -> io::Result<Vec<u8>> {
    match file {
        Some(path) => std::fs::read(path),
        None => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn inspect_defaults_to_sip_on_standard_input() {
        let parsed = parse_inspect_args(&args(&[])).unwrap();
        assert_eq!(
            parsed,
            InspectArgs {
                kind: inspect::Kind::Sip,
                file: None
            }
        );
        let dash = parse_inspect_args(&args(&["-"])).unwrap();
        assert_eq!(dash.file, None);
    }

    #[test]
    fn inspect_reads_kind_and_file() {
        let parsed = parse_inspect_args(&args(&["--kind", "msrp", "a.msrp"])).unwrap();
        assert_eq!(parsed.kind, inspect::Kind::Msrp);
        assert_eq!(parsed.file.as_deref(), Some("a.msrp"));
    }

    #[test]
    fn inspect_rejects_bad_arguments() {
        assert!(parse_inspect_args(&args(&["--kind"])).is_err());
        assert!(parse_inspect_args(&args(&["--kind", "http"])).is_err());
        assert!(parse_inspect_args(&args(&["a", "b"])).is_err());
        assert!(parse_inspect_args(&args(&["--verbose"])).is_err());
    }
}
