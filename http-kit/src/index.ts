// @skr/http-kit: the Fastify plumbing the branch server and the portal stand-in share. Two
// servers, one way to turn a route table (protocol/src/routes) into validated routes and an
// OpenAPI document. protocol/ cannot hold it: the contract imports no server library.
export { tableRouteSchema, type RouteDocs } from './route-schema';
export { registerOpenApiDocs, type OpenApiDocsOptions } from './openapi-docs';
