// Placeholder: owned by the card work; replaced by its contracts.
export {};
