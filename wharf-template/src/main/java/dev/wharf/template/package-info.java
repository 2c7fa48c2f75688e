/**
 * Go 1.19 {@code text/template} in Java: {@link dev.wharf.template.Template} parses and executes
 * templates with Go's syntax, builtins, {@code fmt} printing and error texts.
 *
 * <p>Values follow {@link dev.wharf.template.GoValues}: {@code null} is nil, maps are Go maps
 * printed in key order, lists and arrays are slices, records are structs. Extra functions such as
 * Sprig's are {@link dev.wharf.template.TemplateFunction}s passed to {@code Template.parse}.
 */
package dev.wharf.template;
