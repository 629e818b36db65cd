// Placeholder: owned by the pue work; replaced by its contracts.
export {};
