//! Running the `cpm-lm` binary from the integration tests.

// Each test file uses the helpers it needs; the others would be reported as unused.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `cpm-lm inspect ARGS` with `input` on standard input.
pub fn inspect(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpm-lm"))
        .arg("inspect")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cpm-lm runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("input written");
    child.wait_with_output().expect("cpm-lm exits")
}

/// `inspect --kind KIND -` on `input`, which must succeed: its JSON.
pub fn json_of(kind: &str, input: &[u8]) -> String {
    let out = inspect(&["--kind", kind, "-"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `inspect --kind KIND` on `input`, which must fail with exit 1 and nothing on standard
/// output: its standard error.
pub fn error_of(kind: &str, input: &[u8]) -> String {
    let out = inspect(&["--kind", kind], input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).expect("UTF-8 error")
}
