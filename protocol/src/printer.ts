// Placeholder: owned by the printer work; replaced by its contracts.
export {};
