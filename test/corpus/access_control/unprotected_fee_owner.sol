// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FeeCollector {
    address public beneficiary;
    uint256 public collected;

    constructor() { beneficiary = msg.sender; }

    function setBeneficiary(address b) public {
        beneficiary = b; // @vulnerable: access_control
    }

    function collect() external payable { collected += msg.value; }

    function payout() external {
        require(msg.sender == beneficiary, "only beneficiary");
        uint256 amount = collected;
        collected = 0;
        payable(beneficiary).transfer(amount);
    }
}
