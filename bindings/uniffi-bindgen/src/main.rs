//! `uniffi-bindgen` built from the workspace, so the generator always matches
//! the exact uniffi version compiled into `heat-ffi` (a mismatch produces
//! bindings whose checksums or FFI layout disagree with the library).

fn main() {
    uniffi::uniffi_bindgen_main()
}
