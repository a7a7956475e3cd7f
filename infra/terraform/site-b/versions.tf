terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # Remote state, locked and encrypted. The values are placeholders: give the real ones at
  # init time (terraform init -backend-config=backend.hcl), never in this file.
  backend "s3" {
    bucket         = "CHANGE-ME-terraform-state"
    key            = "pra/site-b/terraform.tfstate"
    region         = "eu-west-3"
    dynamodb_table = "CHANGE-ME-terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project    = "pra"
      site       = "b"
      managed-by = "terraform"
    }
  }
}
