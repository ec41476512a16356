//! End-to-end tests of the `heat` binary: each runs the built executable
//! the way a user or a script would and checks stdout, stderr, the exit
//! status and the store file.

mod bad_input;
mod demo;
mod ics;
mod queries;
mod support;
mod sync;
