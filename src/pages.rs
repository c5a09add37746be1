//! Screens: one folder per shell, one file per screen. Pages compose components and never
//! import each other.

pub mod dashboard;
pub mod portal;
