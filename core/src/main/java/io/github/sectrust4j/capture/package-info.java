/**
 * Live capture: what a TLS server presents (certificates in order, stapled OCSP response, SCTs from
 * the TLS extension), recorded without validating anything, so a broken chain is seen exactly as an
 * iPhone receives it. {@link io.github.sectrust4j.capture.ServerPresentation#capture} is the only code
 * in the library that opens a connection, and only when called.
 */
package io.github.sectrust4j.capture;
