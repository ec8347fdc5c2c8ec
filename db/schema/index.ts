export * from "./auth";
export * from "./career-map";
export * from "./conversations";
export * from "./organisation";
export * from "./people";
export * from "./skills";
export * from "./system";
export * from "./will";
