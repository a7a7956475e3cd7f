variable "name" {
  description = "Prefix of resource names."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the off-site bucket."
  type        = string
}
