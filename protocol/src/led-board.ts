// Placeholder: owned by the led-board work; replaced by its contracts.
export {};
