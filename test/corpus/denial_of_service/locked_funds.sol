// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Donations {
    mapping(address => uint256) public given;

    function donate() external payable { // @vulnerable: denial_of_service
        given[msg.sender] += msg.value;
    }
}
